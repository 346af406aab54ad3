/**
 * The service tier: the EJB services' rules tested without Payara, in seconds. {@link
 * org.egovca.servicetier.ServiceTier} starts the services of the ejb module once per test run in
 * CDI SE (Weld, the CDI implementation of Payara) with JPA (EclipseLink, Payara's provider) on a
 * fresh PostgreSQL database of their own, and gives them what the EJB container gives them in
 * Payara: container-managed transactions by {@code @TransactionAttribute}, application exceptions
 * that roll back or not, transactional observers, {@code @PersistenceContext}, {@code @Resource}
 * and {@code @EJB} injection. Timers, mail and the managed executors are recorded, not run: a test
 * runs the queued tasks when it is about them ({@link org.egovca.servicetier.TaskQueue}).
 *
 * <p>The database server is PostgreSQL at {@code 127.0.0.1:5432}, reached as {@code postgres}
 * without a password (trust authentication, as on the development and CI machines), or the one the
 * system property {@code egovca.serviceTier.adminUrl} names; the tier creates a role that is
 * neither superuser nor allowed to create roles (the CA refuses one that is) and a database of its
 * own for the run, and drops the database when the run ends.
 */
package org.egovca.servicetier;
