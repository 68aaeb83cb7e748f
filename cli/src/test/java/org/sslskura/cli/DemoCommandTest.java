package org.sslskura.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code ssls demo}: embedded broker, collector and device in one command. */
class DemoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void demoShowsDecryptedReadingsAndWhatTheBrokerSawAndExitsZero() throws Exception {
        Cli.Result r = Cli.run("demo", "--seconds", "5");
        assertEquals(0, r.code(), r::toString);
        List<JsonNode> readings = new ArrayList<>();
        int brokerLines = 0;
        for (String line : r.out().split("\n")) {
            if (line.startsWith("{")) {
                readings.add(JSON.readTree(line));
            } else if (line.startsWith("broker saw ") && line.contains("/sse: ")) {
                brokerLines++;
            }
        }
        assertEquals(10, readings.size(), r::toString);
        for (int i = 0; i < readings.size(); i++) {
            JsonNode reading = JSON.readTree(readings.get(i).get("text").asText());
            assertEquals("t1", reading.get("sensor").asText());
            assertTrue(reading.get("celsius").isNumber());
            assertTrue(reading.get("seq").asInt() >= 1 && reading.get("seq").asInt() <= 10);
            assertEquals("sensors/t1", readings.get(i).get("topic").asText());
        }
        assertTrue(brokerLines >= 10, r::toString);
        assertTrue(r.out().contains("summary: sent 10, acknowledged 10, delivered 10"), r::toString);
        // the eavesdropper compares every whole payload it saw with every reading sent (and looks for "celsius")
        assertTrue(r.out().contains("none with a reading in clear"), r::toString);
        Matcher tmp = Pattern.compile("identities in (\\S+) ").matcher(r.out());
        assertTrue(tmp.find(), r::toString);
        assertFalse(Files.exists(Path.of(tmp.group(1))), "the temporary directory is removed");
    }
}
