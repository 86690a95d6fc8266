package it.percorsi.participant.participant;

import static it.percorsi.participant.participant.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /participants}: filters and cursor paging. Each test works in a province no other test
 * uses, so other tests' participants never show up in its lists.
 */
@QuarkusTest
@RealInfrastructure
class ParticipantListTest {

  private static final Pattern NEXT = Pattern.compile("<\\?([^>]*)>; rel=\"next\"");

  private static String registerIn(
      String principal, String province, Consumer<Map<String, Object>> change) {
    Map<String, Object> body = Fixtures.body(province);
    change.accept(body);
    return Api.register(principal, body);
  }

  private static List<String> ids(String principal, String query) {
    return Api.get(principal, "/participants?" + query).statusCode(200).extract().path("items.id");
  }

  @Test
  void pagesFollowTheNextLinkUntilTheLastPage() {
    List<String> registered = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      registered.add(registerIn("promoter-a", "015", b -> {}));
    }
    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String query = "province=015&limit=2";
    while (query != null) {
      Response page = as("agency-admin").get("/participants?" + query);
      assertThat(page.statusCode()).isEqualTo(200);
      List<String> ids = page.path("items.id");
      seen.addAll(ids);
      sizes.add(ids.size());
      String link = page.header("Link");
      query = null;
      if (link != null) {
        Matcher m = NEXT.matcher(link);
        assertThat(m.matches()).as(link).isTrue();
        query = m.group(1);
        assertThat(query).contains("province=015").contains("limit=2");
        assertThat(page.<String>path("next")).isNotNull();
      }
    }

    assertThat(sizes).containsExactly(2, 2, 1);
    assertThat(seen).containsExactlyElementsOf(registered);
  }

  @Test
  void limitAboveTheCapIsServedAtTheCap() {
    registerIn("promoter-a", "016", b -> {});

    Api.get("agency-admin", "/participants?province=016&limit=100000")
        .statusCode(200)
        .body("items.size()", equalTo(1));
  }

  @Test
  void limitBelowOneIsAValidationProblem() {
    Api.get("agency-admin", "/participants?limit=0")
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void tamperedCursorIsAValidationProblem() {
    Api.get("agency-admin", "/participants?cursor=bm90LWEtY3Vyc29y")
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void unreadableFilterIsAValidationProblemNamingIt() {
    Api.get("agency-admin", "/participants?enteredAsMinor=yes")
        .statusCode(400)
        .body("errors[0].field", equalTo("enteredAsMinor"));
  }

  @Test
  void filterOnEntryAsUnaccompaniedMinor() {
    String minor = registerIn("promoter-a", "058", b -> {});
    String other =
        registerIn(
            "promoter-a",
            "058",
            b -> {
              b.put("enteredAsUnaccompaniedMinor", false);
              b.put("arrivalDate", "2024-01-01");
            });

    assertThat(ids("agency-admin", "province=058&enteredAsMinor=false")).containsExactly(other);
    assertThat(ids("agency-admin", "province=058&enteredAsMinor=true")).containsExactly(minor);
  }

  @Test
  void filterOnAgeBand() {
    String adult = registerIn("promoter-a", "001", b -> {});
    String minor = Api.register("promoter-a", Fixtures.minor("001"));

    assertThat(ids("agency-admin", "province=001&maxAge=17")).containsExactly(minor);
    assertThat(ids("agency-admin", "province=001&minAge=18&maxAge=30")).containsExactly(adult);
  }

  @Test
  void filterOnRegisteringOrganisation() {
    registerIn("promoter-a", "048", b -> {});
    String byB = registerIn("promoter-b", "048", b -> {});

    assertThat(ids("agency-admin", "province=048&registeredBy=ORG-PROMOTER-B"))
        .containsExactly(byB);
  }

  @Test
  void filterOnEmploymentStatus() {
    registerIn("promoter-a", "072", b -> b.put("employmentStatus", "EMPLOYED"));
    String unemployed =
        registerIn("promoter-a", "072", b -> b.put("employmentStatus", "UNEMPLOYED"));

    assertThat(ids("agency-admin", "province=072&employmentStatus=UNEMPLOYED"))
        .containsExactly(unemployed);
  }

  @Test
  void filterOnErasedStatus() {
    registerIn("promoter-a", "063", b -> {});
    String erased = registerIn("promoter-a", "063", b -> {});
    Api.post("agency-admin", "/participants/" + erased + "/erasure", Map.of()).statusCode(200);

    assertThat(ids("agency-admin", "province=063&status=erased")).containsExactly(erased);
  }

  @Test
  void filterOnRegionCoversItsProvinces() {
    String cagliari = registerIn("promoter-a", "092", b -> {});
    String sassari = registerIn("promoter-a", "090", b -> {});

    assertThat(ids("agency-admin", "region=20")).contains(cagliari, sassari);
  }

  @Test
  void promoterListsOnlyItsOrganisationsParticipants() {
    registerIn("promoter-a", "037", b -> {});
    String own = registerIn("promoter-b", "037", b -> {});

    assertThat(ids("promoter-b", "province=037")).containsExactly(own);
  }

  @Test
  void cpiOperatorListsOnlyResidentsOfItsProvinces() {
    registerIn("promoter-a", "082", b -> {});

    assertThat(ids("cpi-messina", "province=082")).isEmpty();
    assertThat(ids("cpi-palermo", "province=082")).isNotEmpty();
  }
}
