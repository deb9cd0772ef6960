package dev.cidoctor.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.store.PatternStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives GitHub webhook deliveries over HTTP: checks the signature over the raw body, ignores
 * redeliveries by their delivery id, answers at once and hands completed runs to a worker that
 * processes them like the poller does (claims make the two safe together). Nothing of a rejected body
 * is logged or echoed.
 */
public final class WebhookIntake implements AutoCloseable {
  /** GitHub caps payloads at 25 MB; anything larger is not GitHub. */
  static final int MAX_BODY = 25 << 20;
  static final int QUEUE = 1000;

  /** Verifies and reads GitHub's deliveries; the GitHub adapter provides it. */
  public interface Codec {
    /** Says whether {@code signature} (the X-Hub-Signature-256 header) signs {@code body}. */
    boolean verify(byte[] body, String signature);

    /**
     * Returns the completed run a delivery announces, empty for any other event or action; throws
     * IllegalArgumentException for a body that is not a valid payload.
     */
    Optional<WorkflowRun> completedRun(String event, byte[] body);
  }

  /** Processes one run handed over by the intake (normally {@link Monitor#process}). */
  public interface Sink {
    void accept(WorkflowRun run);
  }

  private final HttpServer server;
  private final Codec codec;
  private final PatternStore store;
  private final Sink sink;
  private final Clock clock;
  private final BlockingQueue<WorkflowRun> queue = new ArrayBlockingQueue<>(QUEUE);
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "cidoctor-webhook-worker");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private volatile boolean closing;

  public WebhookIntake(InetSocketAddress address, Codec codec, PatternStore store, Sink sink, Clock clock) throws IOException {
    this.codec = codec;
    this.store = store;
    this.sink = sink;
    this.clock = clock;
    this.server = HttpServer.create(address, 64);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "cidoctor-webhook-http");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
  }

  public void start() {
    server.start();
    worker.submit(this::work);
  }

  /** The address the server listens on (the port is chosen by the OS when 0 was asked). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  public long accepted() {
    return accepted.get();
  }

  public long rejected() {
    return rejected.get();
  }

  private void work() {
    while (!closing) {
      WorkflowRun run;
      try {
        run = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (run != null) {
        try {
          sink.accept(run);
        } catch (RuntimeException e) {
          // the sink reports its own failures; the worker must outlive any one run
        }
      }
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.equals("/healthz")) {
        respond(ex, 200, "ok");
        return;
      }
      if (!path.equals("/webhook") && !path.equals("/")) {
        respond(ex, 404, "not found");
        return;
      }
      if (!ex.getRequestMethod().equals("POST")) {
        ex.getResponseHeaders().set("Allow", "POST");
        respond(ex, 405, "POST a GitHub webhook delivery here");
        return;
      }
      byte[] body = readBody(ex.getRequestBody());
      if (body == null) {
        rejected.incrementAndGet();
        respond(ex, 413, "payload larger than 25 MB");
        return;
      }
      if (!codec.verify(body, ex.getRequestHeaders().getFirst("X-Hub-Signature-256"))) {
        rejected.incrementAndGet();
        respond(ex, 401, "missing or invalid X-Hub-Signature-256");
        return;
      }
      String event = ex.getRequestHeaders().getFirst("X-GitHub-Event");
      String delivery = ex.getRequestHeaders().getFirst("X-GitHub-Delivery");
      if (event == null || delivery == null || delivery.isBlank() || delivery.length() > 100) {
        rejected.incrementAndGet();
        respond(ex, 400, "missing X-GitHub-Event or X-GitHub-Delivery");
        return;
      }
      if ("ping".equals(event)) {
        respond(ex, 200, "pong");
        return;
      }
      Optional<WorkflowRun> run;
      try {
        run = codec.completedRun(event, body);
      } catch (IllegalArgumentException e) {
        rejected.incrementAndGet();
        respond(ex, 400, "not a valid " + event + " payload");
        return;
      }
      if (!store.firstDelivery(delivery, clock.instant())) {
        respond(ex, 200, "duplicate delivery ignored");
        return;
      }
      if (run.isEmpty()) {
        respond(ex, 202, "accepted; nothing to analyze");
        return;
      }
      if (!queue.offer(run.get())) {
        respond(ex, 503, "busy; polling will pick this run up");
        return;
      }
      accepted.incrementAndGet();
      respond(ex, 202, "accepted");
    }
  }

  /** Reads at most MAX_BODY bytes; null when the body is larger. */
  static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    return body.length > MAX_BODY ? null : body;
  }

  private static void respond(HttpExchange ex, int status, String text) throws IOException {
    byte[] b = (text + "\n").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(b);
    }
  }

  @Override
  public void close() {
    closing = true;
    server.stop(1);
    worker.shutdown();
    try {
      worker.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
