package netlab.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SlowHttpTest {

    @Test
    void everyPageAnswersWithItsNumberAndDelay() {
        try (SlowHttp pages = SlowHttp.start(600, 0, 300); HttpClient http = HttpClient.newHttpClient()) {
            List<String> finished = new CopyOnWriteArrayList<>();
            CompletableFuture.allOf(pages.urls().stream().map(u -> http.sendAsync(HttpRequest.newBuilder(u).build(),
                    HttpResponse.BodyHandlers.ofString()).thenAccept(r -> finished.add(r.body()))).toArray(CompletableFuture[]::new)).join();
            // which finishes first depends on timing (not asserted here: this machine is shared); what each says does not
            assertEquals(java.util.Set.of("page 1 after 0 ms", "page 2 after 300 ms", "page 0 after 600 ms"), java.util.Set.copyOf(finished));
            assertEquals(3, finished.size());
        }
    }

    @Test
    void anUnknownPageIs404AndBadDelaysAreRefused() throws Exception {
        try (SlowHttp pages = SlowHttp.start(0); HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(pages.url(0).resolve("/page/7")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode());
            assertThrows(IllegalArgumentException.class, () -> pages.url(1));
        }
        assertThrows(IllegalArgumentException.class, () -> SlowHttp.start(-1));
    }
}
