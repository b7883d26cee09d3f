package netlab.dns;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Text;

/** The steps of one {@link Resolver#walk}: whom it asked, what for, and what came back. */
public record Resolution(String name, List<Step> steps) implements Tabular {

    /**
     * The questions asked, in order, each with its reply: root, then TLD, then the zone's own server. Example:
     * {@code dns.trace("www.itcast.cn").steps().getLast().reply()} is the final answer.
     */
    public List<Step> steps() {
        return steps;
    }

    /** One question to one server and its reply. */
    public record Step(InetSocketAddress server, String question, DnsMessage reply) {

        /** The reply in words: a referral, an answer, or "no such name". */
        public String meaning() {
            if (!reply.answers().isEmpty()) {
                return Text.of(reply.isAuthoritative() ? "dns.step.answer-aa" : "dns.step.answer", reply.answers().stream().map(Object::toString).toList());
            }
            if (reply.rcode() == DnsMessage.NXDOMAIN) {
                return Text.of("dns.step.nxdomain", question);
            }
            if (!reply.authority().isEmpty()) {
                DnsMessage.Record ns = reply.authority().getFirst();
                String glue = reply.additional().isEmpty() ? "?" : reply.additional().getFirst().data();
                return Text.of("dns.step.referral", ns.name(), ns.data(), glue);
            }
            return Text.of("dns.step.empty");
        }
    }

    /** The address found, if the walk ended in an A record. */
    public Optional<String> address() {
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        return steps.getLast().reply().answers().stream().filter(r -> r.type() == DnsMessage.A).map(DnsMessage.Record::data).findFirst();
    }

    @Override
    public Table table() {
        String caption = DnsMessage.international(name) ? Text.of("dns.trace.caption.idn", name,
                DnsMessage.canonical(name)) : Text.of("dns.trace.caption", name);
        Table t = Table.captioned(caption, "#", Text.of("dns.col.server"), Text.of("dns.col.question"),
                Text.of("dns.col.reply"));
        int n = 1;
        for (Step s : steps) {
            t.row(n++, Resolver.shown(s.server()), s.question() + " A", s.meaning());
        }
        return t;
    }

    /** The table's text, so printing it reads as showing it does. */
    @Override
    public String toString() {
        return table().text();
    }
}
