package netlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netlab.ip.Ipv4;
import netlab.ip.Ipv6;
import netlab.ip.Mask;
import netlab.ip.Subnet;
import netlab.net.Ports;
import netlab.net.Udp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Chinese input method's full-width "。", "１" or "：" in an address is named, with what to type instead. */
class FullWidthTest {

    @AfterEach
    void english() {
        Lang.use(Lang.EN);
    }

    @Test
    void aParserNamesTheFullWidthCharactersOnceAndWhatToType() {
        Lang.use(Lang.ZH);
        String message = assertThrows(IllegalArgumentException.class, () -> Ipv4.parse("192。168。1。1")).getMessage();
        assertEquals("192。168。1。1：有 1 段；IPv4 地址是用点隔开的四个 0–255 的数，例如 192.168.1.10"
                + "（其中有全角字符 “。”：它们来自中文输入法；请切换到英文输入法，改成半角的 “.”）", message);
        String subnet = assertThrows(IllegalArgumentException.class, () -> Subnet.parse("１９２.168.1.0/24")).getMessage();
        assertTrue(subnet.endsWith("（其中有全角字符 “１” “９” “２”：它们来自中文输入法；请切换到英文输入法，改成半角的 “1” “9” “2”）"),
                subnet);
        assertEquals(1, subnet.split("全角字符").length - 1, "once, though Subnet.parse asks Ipv4.parse: " + subnet);
        String both = assertThrows(IllegalArgumentException.class, () -> Subnet.parse("１９２.168.1.0/２４")).getMessage();
        assertTrue(both.endsWith("（其中有全角字符 “１” “９” “２” “４”：它们来自中文输入法；请切换到英文输入法，改成半角的 "
                + "“1” “9” “2” “4”）"), "the whole text's characters, the address part's hint given way: " + both);
        assertEquals(1, both.split("全角字符").length - 1, both);
        Lang.use(Lang.EN);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Subnet.parse("10.0.0.0／8")).getMessage()
                .endsWith(" (it has full-width characters “／”, from a Chinese input method: switch to English input "
                        + "and type “/”)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Mask.parse("255，255，255，0")).getMessage()
                .contains("“，”"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ipv6.parse("fe80：：1")).getMessage()
                .contains("“：”"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Udp.bind("127.0.0.1：9000", 0)).getMessage()
                .contains("“：”"), "a host name too");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ports.number("ｈｔｔｐ")).getMessage()
                .endsWith("type “h” “t” “p”)"), "a service's name too");
    }

    @Test
    void plainTextGetsNoHint() {
        assertEquals("", FullWidth.hint("192.168.1.300"));
        assertEquals("", FullWidth.hint("百度.cn"), "Chinese itself is not a full-width form of ASCII");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ipv4.parse("192.168.1.300")).getMessage()
                .endsWith("must be 0–255"));
    }
}
