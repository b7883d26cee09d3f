package netlab.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Text;

/**
 * The hosts file (/etc/hosts): names this machine resolves without asking any DNS server.
 *
 * <pre>{@code
 * HostsFile.read()                          // the entries, as a table
 * HostsFile.read().addressesOf("localhost") // e.g. [127.0.0.1, ::1]
 * HostsFile.parse("127.0.0.1 localhost\n")  // from text, e.g. a Windows hosts file
 * }</pre>
 *
 * <p>Each line is an address followed by one or more names; {@code #} starts a comment. Which source wins
 * (file or DNS) is set by the "hosts:" line of /etc/nsswitch.conf, usually {@code files dns}: the file first.
 *
 * @param path    where it was read from ("" when parsed from text)
 * @param entries one per address/name pair, in file order
 */
public record HostsFile(String path, List<Entry> entries) implements Tabular {

    /** One address with one name; {@code line} is its line number in the file. */
    public record Entry(String address, String name, int line) {
    }

    /** Copies the entry list. */
    public HostsFile {
        entries = List.copyOf(entries);
    }

    /** Reads /etc/hosts. Example: {@code HostsFile.read()}. */
    public static HostsFile read() {
        return read(Path.of("/etc/hosts"));
    }

    /** Reads a hosts file from {@code path}; a missing file is empty. Example: {@code HostsFile.read(Path.of("/etc/hosts"))}. */
    public static HostsFile read(Path path) {
        try {
            return new HostsFile(path.toString(), parse(Files.readString(path)).entries());
        } catch (NoSuchFileException e) {
            return new HostsFile(path.toString(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(Text.of("net.hosts.unreadable", path, e.getMessage()), e);
        }
    }

    /** Parses hosts-file text. Example: {@code HostsFile.parse("10.0.0.5 printer printer.lan # office")}. */
    public static HostsFile parse(String text) {
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String[] words = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (words.length < 2) {
                continue; // blank, comment, or an address without names
            }
            for (String name : Arrays.copyOfRange(words, 1, words.length)) {
                out.add(new Entry(words[0], name, i + 1));
            }
        }
        return new HostsFile("", out);
    }

    /** The addresses listed for {@code name} (case-insensitive), in file order. Example: {@code HostsFile.read().addressesOf("localhost")}. */
    public List<String> addressesOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.name().toLowerCase(Locale.ROOT).equals(n)).map(Entry::address).distinct().toList();
    }

    /** The names listed for an address. Example: {@code HostsFile.read().namesOf("127.0.0.1")}. */
    public List<String> namesOf(String address) {
        return entries.stream().filter(e -> e.address().equals(address)).map(Entry::name).toList();
    }

    /** The entries as a table. Example: {@code HostsFile.read().table()}. */
    public Table table() {
        Table t = Table.captioned(path.isEmpty() ? Text.of("net.hosts.caption") : path, Text.of("net.hosts.col.line"),
                Text.of("net.answer.col.address"), Text.of("net.hosts.col.name"));
        for (Entry e : entries) {
            t.row(e.line(), e.address(), e.name());
        }
        return t;
    }

    @Override
    public String toString() {
        return table().text();
    }
}
