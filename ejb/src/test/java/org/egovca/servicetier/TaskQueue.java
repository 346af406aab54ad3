package org.egovca.servicetier;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The work a service hands to the container for later: {@code @Asynchronous} calls and tasks given
 * to the managed executors (delivery runs, CRLs after a revocation). Recorded, never run on their
 * own, so a test sees exactly the work its calls caused and runs it when it is about it.
 */
public final class TaskQueue {

  /** Tasks that queue tasks of their own stop after this many runs: a loop, not work. */
  private static final int MOST_RUNS = 10_000;

  private record Task(String name, Callable<?> work) {}

  private final Queue<Task> tasks = new ConcurrentLinkedQueue<>();

  void submit(String name, Callable<?> work) {
    tasks.add(new Task(name, work));
  }

  /** The names of the tasks waiting, oldest first. */
  public List<String> waiting() {
    return tasks.stream().map(Task::name).toList();
  }

  /**
   * Runs the waiting tasks, and those they queue, on this thread, oldest first; the first to fail
   * ends the run with its exception (the rest stay queued).
   */
  public void runAll() throws Exception {
    for (int runs = 0; runs < MOST_RUNS; runs++) {
      Task task = tasks.poll();
      if (task == null) {
        return;
      }
      task.work().call();
    }
    throw new IllegalStateException("tasks keep queueing tasks: " + waiting());
  }

  /**
   * An executor of the given interface (a managed executor or scheduler) that queues every task it
   * is given, whatever its delay; it returns no future, which the services do not use.
   */
  <T> T executor(Class<T> type) {
    List<String> queueing = List.of("execute", "submit", "schedule");
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, arguments) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString")
                    ? "queueing " + type.getSimpleName()
                    : method.invoke(this, arguments);
              }
              if (!queueing.contains(method.getName())) {
                throw new UnsupportedOperationException(
                    "the service tier's " + type.getSimpleName() + " cannot " + method.getName());
              }
              Object task = arguments[0];
              submit(type.getSimpleName() + "." + method.getName(), callable(task));
              return null;
            }));
  }

  private static Callable<?> callable(Object task) {
    if (task instanceof Runnable runnable) {
      return () -> {
        runnable.run();
        return null;
      };
    }
    if (task instanceof Callable<?> callable) {
      return callable;
    }
    throw new IllegalArgumentException("not a task: " + task);
  }

  @Override
  public String toString() {
    return "tasks " + new ArrayList<>(waiting());
  }
}
