package netlab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import netlab.dns.Resolution;
import netlab.dns.SpoofRace;
import netlab.live.Interfaces;
import netlab.live.NeighborTable;
import netlab.live.Snmp;
import netlab.live.TcpStates;
import netlab.sim.TcpTalk;
import org.junit.jupiter.api.Test;

/**
 * A value the course shows as a table prints as that table too: {@code System.out.println(race)} is how the seed
 * course looks at everything, and a record's own text ({@code SpoofRace[races=2000, …]}) or a class's hash is not
 * what the lesson shows.
 */
class PrintedTablesTest {

    @Test
    void printingATableValueGivesItsTable() {
        Map<String, Tabular> values = Map.of(
                "SpoofRace", SpoofRace.simulate(20, 500, false, 1),
                "Resolution", new Resolution("itcast.cn", List.of()),
                "Snmp", Snmp.parse("Tcp: ActiveOpens PassiveOpens\nTcp: 3 4\n"),
                "NeighborTable", NeighborTable.parse("IP address HW type Flags HW address Mask Device\n"),
                "Interfaces", new Interfaces(List.of()),
                "TcpStates.Snapshot", new TcpStates.Snapshot("port 80", 80, List.of()),
                "TcpTalk", TcpTalk.create(1));
        values.forEach((name, value) -> assertEquals(value.table().text(), String.valueOf(value), name));
    }
}
