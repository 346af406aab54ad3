package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.egovca.delivery.application.DeliveryMonitor;
import org.egovca.delivery.application.DeliveryMonitor.DeliveryView;
import org.egovca.delivery.application.DeliveryMonitor.QueueSummary;

/**
 * The system maintainer's view of the delivery queues (R11, R21, R22): each queue's length, oldest
 * pending delivery and failures, the deliveries of one queue ({@code ?queue=}) with their attempts
 * and last error, one delivery in full ({@code ?item=}), and a retry that ends a queue's wait.
 */
@Named
@ViewScoped
public class DeliveriesPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String QUEUES = "queues";

  @EJB private DeliveryMonitor monitor;

  private String queue;
  private Long item;
  private List<QueueSummary> queues;
  private List<DeliveryView> items;
  private DeliveryView selectedItem;

  public void open() {
    if (queues == null) {
      refresh();
    }
  }

  private void refresh() {
    queues = fetch(QUEUES, () -> monitor.queues(token())).orElse(List.of());
    items =
        queue == null
            ? List.of()
            : fetch(QUEUES, () -> monitor.items(token(), queue)).orElse(List.of());
    selectedItem =
        item == null ? null : fetch(QUEUES, () -> monitor.item(token(), item)).orElse(null);
  }

  /** Ends the wait of the queue {@code name} and delivers now. */
  public void retry(String name) {
    if (perform(QUEUES, () -> monitor.retry(token(), name))) {
      Feedback.info("deliveries.retried", name);
    }
    refresh();
  }

  public List<QueueSummary> getQueues() {
    return queues == null ? List.of() : queues;
  }

  public List<DeliveryView> getItems() {
    return items == null ? List.of() : items;
  }

  public DeliveryView getSelectedItem() {
    return selectedItem;
  }

  public String getQueue() {
    return queue;
  }

  public void setQueue(String queue) {
    this.queue = queue;
  }

  public Long getItem() {
    return item;
  }

  public void setItem(Long item) {
    this.item = item;
  }
}
