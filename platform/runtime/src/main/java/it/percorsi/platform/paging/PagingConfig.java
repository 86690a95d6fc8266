package it.percorsi.platform.paging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Page sizes of list endpoints. */
@ConfigMapping(prefix = "percorsi.paging")
public interface PagingConfig {

  /** Items per page when the caller sends no {@code limit}. */
  @WithDefault("50")
  int defaultLimit();

  /** The cap: a larger {@code limit} is lowered to this. */
  @WithDefault("200")
  int maxLimit();
}
