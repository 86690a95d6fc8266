package it.percorsi.placement;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import it.percorsi.testkit.KafkaResource;
import it.percorsi.testkit.KeycloakResource;
import it.percorsi.testkit.PostgresResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The service on real PostgreSQL, Kafka and Keycloak, participant-service's tax code resolution
 * stood in by {@link ResolutionStub}. Every {@code @QuarkusTest} of the module uses this one set,
 * so the application starts once for all of them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "placement_test"))
@WithTestResource(
    value = KafkaResource.class,
    initArgs =
        @ResourceArg(
            name = "topics",
            value = "percorsi.placements.v1,percorsi.dotes.v1,percorsi.participants.v1"))
@WithTestResource(value = KeycloakResource.class, parallel = true)
@WithTestResource(ResolutionStub.class)
public @interface RealInfrastructure {}
