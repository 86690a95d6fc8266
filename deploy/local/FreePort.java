/** Prints a TCP port free on 127.0.0.1 (for scripts). */
public class FreePort {
  public static void main(String[] args) throws Exception {
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      System.out.println(s.getLocalPort());
    }
  }
}
