package it.percorsi.demo;

import java.util.concurrent.atomic.AtomicInteger;

/** A progress bar with counts on one terminal line: {@code hosts [#####.....] 17/34}. */
final class Progress {

  private static final int WIDTH = 30;
  private final boolean tty = System.console() != null;
  private final AtomicInteger done = new AtomicInteger();
  private volatile String label = "";
  private volatile int total;
  private volatile long started;
  private volatile long lastDraw;

  void start(String what, int total) {
    this.label = what;
    this.total = total;
    this.done.set(0);
    this.started = System.nanoTime();
    draw(true);
  }

  void label(String label) {
    this.label = label;
    draw(true);
  }

  void step() {
    done.incrementAndGet();
    draw(false);
  }

  void done(String result) {
    draw(true);
    System.out.printf(
        "%s%-17s %s  (%.1f s)%n",
        tty ? "\r\033[K  " : "  ",
        label.split(" ")[0],
        result,
        (System.nanoTime() - started) / 1e9);
  }

  private synchronized void draw(boolean force) {
    long now = System.nanoTime();
    if (!tty || (!force && now - lastDraw < 100_000_000L)) {
      return;
    }
    lastDraw = now;
    int n = done.get();
    int filled = total == 0 ? WIDTH : Math.min(WIDTH, n * WIDTH / total);
    System.out.printf(
        "\r\033[K  %-17s [%s%s] %d/%d",
        label, "#".repeat(filled), ".".repeat(WIDTH - filled), n, total);
    System.out.flush();
  }
}
