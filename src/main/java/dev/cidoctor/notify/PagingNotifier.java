package dev.cidoctor.notify;

/**
 * A paging channel (PagerDuty, Opsgenie): it takes only what {@link Paging#pages} lets through, high and
 * critical failures and the recoveries that resolve them, and is handed nothing else to deliver.
 */
abstract class PagingNotifier implements Notifier {

  @Override
  public final boolean accepts(Notification n) {
    return Paging.pages(n);
  }

  @Override
  public final void send(Notification n) {
    if (accepts(n)) {
      page(n);
    }
  }

  /** Opens, updates or resolves the incident for {@code n}, which {@link #accepts} took. */
  abstract void page(Notification n);
}
