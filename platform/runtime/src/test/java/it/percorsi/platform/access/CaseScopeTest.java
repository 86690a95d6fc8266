package it.percorsi.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseScopeTest {

  private static final CaseScope SCOPE = new CaseScope("ownerOrgId", "provinceCode", "hostOrgId");

  private static Caller caller(String role, String org, String... provinces) {
    return new Caller("sub", "client", org, Set.of(role), Set.of(provinces));
  }

  @Test
  void agencyAndAuditorSeeEverythingWithoutAPredicate() {
    for (String role : List.of(Role.AGENCY_ADMIN, Role.AUDITOR)) {
      Caller c = caller(role, "AGENCY");
      assertThat(SCOPE.allows(c, "ORG-X", "999", null)).isTrue();
      assertThat(SCOPE.where(c)).isEqualTo(new CaseScope.Where("1 = 1", Map.of()));
    }
  }

  @Test
  void promoterSeesOnlyItsOwnOrganisationsRecords() {
    Caller c = caller(Role.PROMOTER, "ORG-A");
    assertThat(SCOPE.allows(c, "ORG-A", "083", null)).isTrue();
    assertThat(SCOPE.allows(c, "ORG-B", "083", null)).isFalse();
    assertThat(SCOPE.where(c).jpql()).isEqualTo("(ownerOrgId = :scopeOwner)");
    assertThat(SCOPE.where(c).params()).containsEntry("scopeOwner", "ORG-A").hasSize(1);
  }

  @Test
  void cpiOperatorSeesTheProvincesItServes() {
    Caller c = caller(Role.CPI_OPERATOR, "CPI-ME", "083", "082");
    assertThat(SCOPE.allows(c, "ORG-A", "083", null)).isTrue();
    assertThat(SCOPE.allows(c, "ORG-A", "087", null)).isFalse();
    assertThat(SCOPE.where(c).jpql()).isEqualTo("(provinceCode in :scopeProvinces)");
    assertThat(SCOPE.where(c).params()).containsEntry("scopeProvinces", List.of("082", "083"));
  }

  @Test
  void hostSeesItsOwnRecordsOnlyWhereTheScopeNamesAHost() {
    Caller c = caller(Role.HOST, "HOST-1");
    assertThat(SCOPE.allows(c, "ORG-A", "083", "HOST-1")).isTrue();
    assertThat(SCOPE.allows(c, "ORG-A", "083", "HOST-2")).isFalse();
    assertThat(SCOPE.where(c).jpql()).isEqualTo("(hostOrgId = :scopeHost)");
    CaseScope withoutHosts = new CaseScope("ownerOrgId", "provinceCode", null);
    assertThat(withoutHosts.allows(c, "ORG-A", "083", "HOST-1")).isFalse();
    assertThat(withoutHosts.where(c).jpql()).isEqualTo("1 = 0");
  }

  @Test
  void callerWithNoGrantSeesNothing() {
    Caller integrator = caller(Role.INTEGRATOR, "INT-1");
    Caller cpiWithoutProvinces = caller(Role.CPI_OPERATOR, "CPI-X");
    Caller promoterWithoutOrg = caller(Role.PROMOTER, null);
    for (Caller c : List.of(integrator, cpiWithoutProvinces, promoterWithoutOrg)) {
      assertThat(SCOPE.allows(c, null, null, null)).isFalse();
      assertThat(SCOPE.allows(c, "ORG-A", "083", "HOST-1")).isFalse();
      assertThat(SCOPE.where(c).jpql()).isEqualTo("1 = 0");
    }
  }
}
