package netlab.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VlsmTest {

    @Test
    void largestFirstWithSmallestBlocks() {
        Vlsm plan = Vlsm.allocate(Subnet.parse("192.168.1.0/24"), 20, 100, 2, 50);
        assertEquals(List.of("192.168.1.0/25", "192.168.1.128/26", "192.168.1.192/27", "192.168.1.224/30"),
                plan.allocations().stream().map(a -> a.subnet().toString()).toList());
        assertEquals(List.of(100, 50, 20, 2), plan.allocations().stream().map(Vlsm.Allocation::hostsNeeded).toList());
        assertEquals("[192.168.1.228/30, 192.168.1.232/29, 192.168.1.240/28]", plan.free().toString());
        assertEquals(12, plan.allocations().get(1).spare());
    }

    @Test
    void namedNetworksAndTableCells() {
        Map<String, Integer> need = new LinkedHashMap<>();
        need.put("HR", 25);
        need.put("Sales", 60);
        Vlsm plan = Vlsm.allocate(Subnet.parse("10.0.0.0/24"), need);
        String html = plan.mimeBundle().get("text/html");
        assertTrue(html.contains("<td>Sales</td><td>60</td><td>10.0.0.0/26</td><td>255.255.255.192</td><td>62</td>"), html);
        assertTrue(html.contains("<td>HR</td><td>25</td><td>10.0.0.64/27</td>"), html);
        assertTrue(html.contains("<td>(free)</td><td></td><td>10.0.0.96/27</td>"), html);
        // the picture is drawn to scale: Sales has 64 of 256 addresses, a quarter of the 640-pixel bar
        assertTrue(html.startsWith("<svg "), html);
        assertTrue(html.contains("<rect x='0.00' y='4' width='160.00' height='28' fill='#4e79a7' stroke='white'><title>Sales 10.0.0.0/26</title>"), html);
        assertTrue(html.contains("<rect x='160.00' y='4' width='80.00'"), html);
        assertEquals("10.0.0.0/24: Sales 10.0.0.0/26 | HR 10.0.0.64/27 | free 10.0.0.96/27 | free 10.0.0.128/25", plan.picture().text());
    }

    @Test
    void tooBigIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vlsm.allocate(Subnet.parse("192.168.1.0/24"), 200, 100));
        assertEquals("the networks need 384 addresses (blocks [/24, /25]) but 192.168.1.0/24 has 256; "
                + "use a shorter prefix for the base or fewer hosts", e.getMessage());
        assertEquals("net 1 needs 0 hosts; a network needs at least 1",
                assertThrows(IllegalArgumentException.class, () -> Vlsm.allocate(Subnet.parse("10.0.0.0/8"), 0)).getMessage());
    }
}
