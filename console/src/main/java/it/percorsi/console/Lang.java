package it.percorsi.console;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.List;
import java.util.Locale;

/**
 * The page's language: {@code ?lang=it|en} (remembered in a cookie), else the cookie, else the
 * browser's Accept-Language, else Italian.
 */
record Lang(String code, boolean chosen) {

  static final List<String> SUPPORTED = List.of("it", "en");
  static final String COOKIE = "console-lang";

  static Lang of(String param, HttpHeaders headers) {
    if (param != null && SUPPORTED.contains(param)) {
      return new Lang(param, true);
    }
    var cookie = headers.getCookies().get(COOKIE);
    if (cookie != null && SUPPORTED.contains(cookie.getValue())) {
      return new Lang(cookie.getValue(), false);
    }
    for (Locale l : headers.getAcceptableLanguages()) {
      if (SUPPORTED.contains(l.getLanguage())) {
        return new Lang(l.getLanguage(), false);
      }
    }
    return new Lang("it", false);
  }

  Locale locale() {
    return Locale.forLanguageTag(code);
  }

  Msg msg() {
    return MessageBundles.get(Msg.class, Localized.Literal.of(code));
  }

  NewCookie cookie() {
    return new NewCookie.Builder(COOKIE)
        .value(code)
        .path("/console")
        .maxAge(365 * 24 * 3600)
        .sameSite(NewCookie.SameSite.LAX)
        .httpOnly(true)
        .build();
  }
}
