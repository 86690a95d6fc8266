package it.percorsi.dote.payment;

import it.percorsi.platform.payment.PaymentAccountLookup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** placement-service's bulk look-up of the payment accounts of internships' hosts. */
@RegisterRestClient(configKey = "placement-service")
@Path("/internships/host-payment-accounts/lookups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface HostAccountsClient {

  @POST
  PaymentAccountLookup.Found lookup(
      @HeaderParam("Authorization") String authorization, PaymentAccountLookup.Lookup ids);
}
