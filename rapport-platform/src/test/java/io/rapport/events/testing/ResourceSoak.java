package io.rapport.events.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Sends many requests to a running service, a few at a time over kept-alive connections, and reads what the process
 * holds: open file descriptors, live threads and the heap after a collection. The service under test runs in this
 * JVM (a @QuarkusTest), so what it holds is what this process holds.
 */
final class ResourceSoak implements AutoCloseable {

    /** What the process holds at one moment. */
    record Usage(long fileDescriptors, int threads, long heapBytes) {
    }

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    private final int concurrency;

    ResourceSoak(int concurrency) {
        this.concurrency = concurrency;
    }

    /**
     * Sends {@code count} requests, spread over the given ones in turn, at most {@code concurrency} in flight.
     *
     * @return how many were not answered, or answered with a server error
     */
    int send(int count, List<HttpRequest> requests) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger unexpected = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            int which = i % requests.size();
            inFlight.acquire();
            client.sendAsync(requests.get(which), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        if (failure != null || response.statusCode() >= 500) {
                            unexpected.incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(concurrency);
        return unexpected.get();
    }

    static HttpRequest get(URI uri, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder.build();
    }

    static Usage usage() {
        System.gc();
        return new Usage(openFileDescriptors(), ManagementFactory.getThreadMXBean().getThreadCount(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    private static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
