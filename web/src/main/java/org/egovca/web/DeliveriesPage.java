package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.egovca.delivery.application.DeliveryMonitor;
import org.egovca.delivery.application.DeliveryMonitor.ChannelSummary;
import org.egovca.delivery.application.DeliveryMonitor.DeliveryView;

/**
 * The system maintainer's view of the outbox (R11, R21, R22): each channel's queue length, oldest
 * pending item and failures, the items of one channel ({@code ?channel=}) with their attempts and
 * last error, one item in full ({@code ?item=}), and a retry that ends a channel's wait.
 */
@Named
@ViewScoped
public class DeliveriesPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String CHANNELS = "channels";

  @EJB private DeliveryMonitor monitor;

  private String channel;
  private Long item;
  private List<ChannelSummary> channels;
  private List<DeliveryView> items;
  private DeliveryView selectedItem;

  public void open() {
    if (channels == null) {
      refresh();
    }
  }

  private void refresh() {
    channels = fetch(CHANNELS, () -> monitor.channels(token())).orElse(List.of());
    items =
        channel == null
            ? List.of()
            : fetch(CHANNELS, () -> monitor.items(token(), channel)).orElse(List.of());
    selectedItem =
        item == null ? null : fetch(CHANNELS, () -> monitor.item(token(), item)).orElse(null);
  }

  /** Ends the wait of the channel {@code name} and delivers now. */
  public void retry(String name) {
    if (perform(CHANNELS, () -> monitor.retry(token(), name))) {
      Feedback.info("deliveries.retried", name);
    }
    refresh();
  }

  public List<ChannelSummary> getChannels() {
    return channels == null ? List.of() : channels;
  }

  public List<DeliveryView> getItems() {
    return items == null ? List.of() : items;
  }

  public DeliveryView getSelectedItem() {
    return selectedItem;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public Long getItem() {
    return item;
  }

  public void setItem(Long item) {
    this.item = item;
  }
}
