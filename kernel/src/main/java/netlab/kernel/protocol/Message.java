package netlab.kernel.protocol;

import com.google.gson.JsonObject;

import java.util.List;

/**
 * One Jupyter message as it travels between the transport and the kernel core. Header, parent header,
 * metadata and content stay JSON objects: the parent header of a reply must be the request's header as sent
 * (clients match on every field, including ones this kernel has never heard of), and content shapes vary by
 * message type.
 *
 * <p>{@code identities} are the ZeroMQ routing frames (for iopub: the topic); {@code malformed} is non-null
 * when the header was readable but another part was not, and says why.
 */
public record Message(List<byte[]> identities, JsonObject header, JsonObject parentHeader,
                      JsonObject metadata, JsonObject content, List<byte[]> buffers, String malformed) {

    public Message {
        identities = List.copyOf(identities);
        buffers = List.copyOf(buffers);
    }

    public Message(List<byte[]> identities, JsonObject header, JsonObject parentHeader, JsonObject metadata,
                   JsonObject content) {
        this(identities, header, parentHeader, metadata, content, List.of(), null);
    }

    /** The wire name, such as {@code execute_request}; empty when the header lacks one. */
    public String type() {
        return Json.string(header, "msg_type", "");
    }

    public String id() {
        return Json.string(header, "msg_id", "");
    }
}
