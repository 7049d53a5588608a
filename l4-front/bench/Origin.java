import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** A fixed-size HTTP/1.1 keep-alive responder for the front benchmark: java Origin.java PORT BYTES. */
public class Origin {
  public static void main(String[] args) throws Exception {
    byte[] body = new byte[Integer.parseInt(args[1])];
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
    s.setExecutor(Executors.newFixedThreadPool(8));
    s.createContext("/", x -> {
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    s.start();
  }
}
