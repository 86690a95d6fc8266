package it.percorsi.webhook.support;

import it.percorsi.webhook.endpoint.HostResolver;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real resolver, except for the names a test points somewhere itself (names under {@code
 * .test}, which no DNS answers): how a DNS rebinding looks to the service.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RebindingResolver extends HostResolver {

  private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

  public static void point(String host, String address) {
    NAMES.put(host, address);
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    String address = NAMES.get(host);
    return address == null
        ? super.resolve(host)
        : List.of(InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress()));
  }
}
