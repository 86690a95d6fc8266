package it.percorsi.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {

  private static final Paging PAGING =
      new Paging(
          new PagingConfig() {
            @Override
            public int defaultLimit() {
              return 50;
            }

            @Override
            public int maxLimit() {
              return 200;
            }
          });

  @Test
  void cursorDecodesToTheValuesItWasMadeOf() {
    String cursor = Cursor.encode(List.of("2026-11-27T10:00:00Z", "a-b-c"));

    assertEquals(List.of("2026-11-27T10:00:00Z", "a-b-c"), Cursor.decode(cursor, 2));
  }

  @Test
  void tamperedCursorIsAValidationProblemNamingTheCursor() {
    ProblemException e =
        assertThrows(ProblemException.class, () -> Cursor.decode("bm90LWEtY3Vyc29y", 2));

    assertEquals(400, e.problem().getStatus());
    assertEquals(
        "cursor",
        ((List<?>) e.problem().getExtensions().get("errors"))
            .stream().map(Problem.FieldError.class::cast).findFirst().orElseThrow().field());
  }

  @Test
  void cursorWithAnotherNumberOfValuesIsRefused() {
    String cursor = Cursor.encode(List.of("one"));

    assertThrows(ProblemException.class, () -> Cursor.decode(cursor, 2));
  }

  @Test
  void limitAboveTheCapIsLoweredToTheCap() {
    assertEquals(200, PAGING.request(10_000, null, 2).limit());
  }

  @Test
  void missingLimitIsTheDefault() {
    assertEquals(50, PAGING.request(null, null, 2).limit());
  }

  @Test
  void limitBelowOneIsRefused() {
    assertThrows(ProblemException.class, () -> PAGING.request(0, null, 2));
  }

  @Test
  void pageOfMoreRowsThanTheLimitHasANextCursorFromItsLastItem() {
    PageRequest request = new PageRequest(2, List.of());

    Page<String> page = Page.of(List.of("a", "b", "c"), request, s -> List.of(s), s -> s);

    assertEquals(List.of("a", "b"), page.items());
    assertEquals(List.of("b"), Cursor.decode(page.next(), 1));
  }

  @Test
  void lastPageHasNoNextCursor() {
    Page<String> page =
        Page.of(List.of("a", "b"), new PageRequest(2, List.of()), s -> List.of(s), s -> s);

    assertNull(page.next());
  }

  @Test
  void nextLinkKeepsTheFiltersAndReplacesLimitAndCursor() {
    URI uri = URI.create("http://svc/participants?province=083&limit=500&cursor=old&minAge=16");

    assertEquals(
        "<?province=083&minAge=16&limit=200&cursor=NEW>; rel=\"next\"",
        Paging.nextLink(uri, 200, "NEW"));
  }
}
