package it.percorsi.webhook.endpoint;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves an endpoint's host name, asked again at every delivery (never cached by us). */
@ApplicationScoped
public class HostResolver {

  public List<InetAddress> resolve(String host) throws UnknownHostException {
    return List.of(InetAddress.getAllByName(host));
  }
}
