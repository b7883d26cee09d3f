package netlab.live;

import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Text;

/**
 * This machine's network interfaces as Java sees them ({@link NetworkInterface}): what {@code ip addr} prints.
 *
 * <pre>{@code
 * Interfaces.read()    // lo: up, MTU 65536, 127.0.0.1/8, ::1/128; eth0: up, 02:…, MTU 1400, 192.0.2.2/24 …
 * }</pre>
 */
public record Interfaces(List<Nic> nics) implements Tabular {

    /** One interface: name, MAC (empty for loopback), MTU, up or not, addresses with their prefix lengths. */
    public record Nic(String name, String mac, int mtu, boolean up, List<String> addresses) {

        /** The interface's name, as {@code ip addr} prints it. Example: "lo", "eth0". */
        public String name() {
            return name;
        }

        /** The addresses with their prefix lengths, IPv4 and IPv6. Example: [127.0.0.1/8, ::1/128] for "lo". */
        public List<String> addresses() {
            return addresses;
        }
    }

    /** One row per interface, in the order Java lists them. Example: {@code Interfaces.read().nics().size()}. */
    public List<Nic> nics() {
        return nics;
    }

    /** Reads the interfaces now. */
    public static Interfaces read() {
        try {
            List<Nic> out = new ArrayList<>();
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                byte[] hw = n.getHardwareAddress();
                List<String> addrs = new ArrayList<>();
                for (InterfaceAddress a : n.getInterfaceAddresses()) {
                    String host = a.getAddress().getHostAddress();
                    int pct = host.indexOf('%');
                    addrs.add((pct < 0 ? host : host.substring(0, pct)) + "/" + a.getNetworkPrefixLength());
                }
                out.add(new Nic(n.getName(), hw == null ? "" : HexFormat.ofDelimiter(":").formatHex(hw), n.getMTU(), n.isUp(), List.copyOf(addrs)));
            }
            out.sort(java.util.Comparator.comparing(Nic::name));
            return new Interfaces(List.copyOf(out));
        } catch (SocketException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
    }

    /** The interface called {@code name}. */
    public Nic nic(String name) {
        return nics.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(Text.of("live.nic.none", name, nics.stream().map(Nic::name).toList())));
    }

    @Override
    public Table table() {
        Table t = Table.of(Text.of("live.col.name"), "MAC", "MTU", Text.of("live.col.up"), Text.of("live.col.addresses"));
        for (Nic n : nics) {
            t.row(n.name(), n.mac(), n.mtu(), Text.of(n.up() ? "common.yes" : "common.no"), String.join("  ", n.addresses()));
        }
        return t;
    }

    /** The table's text, so printing it reads as showing it does. */
    @Override
    public String toString() {
        return table().text();
    }
}
