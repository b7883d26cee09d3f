package netlab.grader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.course.PacketExercises;
import netlab.exercise.Check;
import org.junit.jupiter.api.Test;

/** Chapter 3 answers with the classic slips pass the public cases and fail a hidden one. */
class ChapterThreeHiddenCasesTest {

    static void assertOnlyHiddenCasesCatch(String id, Object slip) {
        assertTrue(Check.evaluate(id, slip).allPassed(), id + ": the slip should pass the public cases");
        assertFalse(Check.grade(id, slip, Duration.ofSeconds(5)).allPassed(), id + ": a hidden case should catch the slip");
    }

    @Test
    void sequenceNumbersThatDoNotWrap() {
        assertOnlyHiddenCasesCatch("tcp.next-seq", (PacketExercises.NextSeq) (seq, len, syn, fin) -> seq + len + (syn ? 1 : 0) + (fin ? 1 : 0));
    }

    @Test
    void aNextHopThatAssumesSlash24() {
        assertOnlyHiddenCasesCatch("route.next-hop", (PacketExercises.NextHop) (cidr, gw, dst) ->
                dst.substring(0, dst.lastIndexOf('.')).equals(cidr.substring(0, cidr.lastIndexOf('.'))) ? dst : gw);
    }

    @Test
    void aNatThatLetsAnyoneIn() {
        assertOnlyHiddenCasesCatch("nat.translate", (PacketExercises.NatTranslate) (pub, packets) -> {
            Map<String, Integer> out = new HashMap<>();
            Map<Integer, String> back = new HashMap<>();
            List<String> result = new ArrayList<>();
            for (String p : packets) {
                String[] f = p.split(" ");
                if (f[0].equals("out")) {
                    int port = out.computeIfAbsent(f[1], k -> 40000 + out.size());
                    back.put(port, f[1]);
                    result.add(pub + ":" + port);
                } else {
                    result.add(back.getOrDefault(Integer.parseInt(f[2].split(":")[1]), "drop"));
                }
            }
            return result;
        });
    }

    @Test
    void aSwitchThatNeverFiltersItsIngressPort() {
        assertOnlyHiddenCasesCatch("switch.learn", (PacketExercises.SwitchForward) (table, in, src, dst, n) -> {
            table.put(src, in);
            Integer known = dst.equals("ff:ff:ff:ff:ff:ff") ? null : table.get(dst);
            List<Integer> ports = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                if (known != null ? p == known : p != in) {
                    ports.add(p);
                }
            }
            return ports;
        });
    }
}
