package netlab.dns;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Text;

/**
 * The DNS spoofing race as a model: while a resolver waits for the real answer, an attacker sends
 * {@code forged} replies with guessed ids (and guessed ports, when the resolver randomizes them). One right guess
 * arriving first wins. With a fixed source port only the 16-bit id is secret; Kaminsky (2008) showed an attacker
 * can start as many races as it likes (random names under the target domain), so that falls in minutes;
 * RFC 5452's random ports multiply the guessing by the size of the port range.
 *
 * <pre>{@code
 * SpoofRace.simulate(2000, 500, false, 1)   // ~15 of 2000 races won with a fixed port
 * SpoofRace.simulate(2000, 500, true, 1)    // ~0 with random ports
 * }</pre>
 *
 * @param races     races run
 * @param forged    forged replies per race
 * @param randomPort whether the resolver picked a random source port per query
 * @param wins      races the attacker won
 */
public record SpoofRace(int races, int forged, boolean randomPort, int wins) implements Tabular {

    /** Linux's ephemeral port range 32768–60999. */
    public static final int PORTS = 60999 - 32768 + 1;

    /** Bounds that keep a simulation within a few seconds: it draws every forged reply of every race. */
    private static final int MAX_RACES = 100_000;
    private static final int MAX_FORGED = 1 << 16;
    private static final long MAX_TOTAL = 20_000_000;

    /**
     * Runs {@code races} races with {@code forged} guesses each, drawn from {@code seed}.
     *
     * @throws IllegalArgumentException for races outside 1–100,000, forged replies outside 0–65,536 (with a fixed
     *                                  port, 65,536 distinct guesses are all there are) or over 20,000,000 in all
     */
    public static SpoofRace simulate(int races, int forged, boolean randomPort, long seed) {
        Text.require(races >= 1 && races <= MAX_RACES, "dns.race.bad.races", races);
        Text.require(forged >= 0 && forged <= MAX_FORGED, "dns.race.bad.forged", forged);
        Text.require((long) races * forged <= MAX_TOTAL, "dns.race.bad.total", (long) races * forged);
        Random r = new Random(seed);
        int wins = 0;
        for (int i = 0; i < races; i++) {
            long secret = r.nextInt(1 << 16) + (randomPort ? (long) r.nextInt(PORTS) << 16 : 0);
            Set<Long> guesses = new HashSet<>();
            while (guesses.size() < forged) {
                guesses.add(r.nextInt(1 << 16) + (randomPort ? (long) r.nextInt(PORTS) << 16 : 0));
            }
            wins += guesses.contains(secret) ? 1 : 0;
        }
        return new SpoofRace(races, forged, randomPort, wins);
    }

    /** The chance to win one race: forged guesses over the number of possible (id, port) secrets. */
    public double chancePerRace() {
        return forged / (65536.0 * (randomPort ? PORTS : 1));
    }

    @Override
    public Table table() {
        return Table.of(Text.of("dns.race.col.port"), Text.of("dns.race.col.races"), Text.of("dns.race.col.forged"), Text.of("dns.race.col.wins"), Text.of("dns.race.col.chance"))
                .row(Text.of(randomPort ? "dns.race.random" : "dns.race.fixed"), races, forged, wins, String.format(java.util.Locale.ROOT, "%.2g", chancePerRace()));
    }

    /** The table's text, so printing it reads as showing it does. */
    @Override
    public String toString() {
        return table().text();
    }
}
