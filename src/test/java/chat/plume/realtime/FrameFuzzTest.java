package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.identity.boundary.Caller;
import chat.plume.identity.entity.Role;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.metrics.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Random and mutated frames thrown at the codec, the raw-text scanner, the assembler and the
 * router: whatever arrives, decoding either succeeds or refuses with a protocol code, the cheap
 * scans never throw and agree with the parser, and every frame routed gets exactly one answer.
 */
class FrameFuzzTest {

    private static final Set<String> DECODE_CODES = Set.of("malformed_frame", "invalid_frame");
    private final FrameCodec codec = new FrameCodec();

    @Property(tries = 2000)
    void anyTextDecodesOrIsRefusedWithAProtocolCode(@ForAll @StringLength(max = 300) String text) {
        assertDecodesOrRefuses(text);
    }

    @Property(tries = 2000)
    void mutatedFramesDecodeOrAreRefusedWithAProtocolCode(@ForAll("mutatedFrames") String text) {
        assertDecodesOrRefuses(text);
    }

    @Property(tries = 300)
    void anyNestingIsAnsweredWithoutDeepParsing(
            @ForAll @IntRange(min = 1, max = 5000) int depth, @ForAll boolean arrays, @ForAll boolean enveloped) {
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        String text = enveloped ? "{\"type\":\"ping\",\"id\":\"deep\",\"x\":" + nested + "}" : nested;
        assertDecodesOrRefuses(text);
        if (depth + (enveloped ? 1 : 0) > FrameCodec.MAX_DEPTH) {
            assertThat(refusal(text)).isEqualTo("malformed_frame");
        }
    }

    /** The scanner's id, when it finds one, is the id the parser reads. */
    @Property(tries = 2000)
    void theScannedIdIsTheParsedId(@ForAll("mutatedFrames") String text) {
        String scanned = FrameScan.requestId(text);
        InboundFrame decoded = decodeOrNull(text);
        if (scanned != null && decoded != null) {
            assertThat(scanned).isEqualTo(decoded.id());
        }
    }

    @Property(tries = 1000)
    void partsReassembleToTheFrameOrAreRefusedPastTheLimit(
            @ForAll @StringLength(max = 400) String frame,
            @ForAll @IntRange(min = 1, max = 50) int cuts,
            @ForAll @IntRange(min = 1, max = 600) int limit) {
        FrameAssembler assembler = new FrameAssembler(limit);
        List<String> parts = split(frame, cuts);
        String whole = null;
        boolean refused = false;
        try {
            for (int i = 0; i < parts.size(); i++) {
                whole = assembler.add(parts.get(i), i == parts.size() - 1);
            }
        } catch (FrameAssembler.TooLarge tooLarge) {
            refused = true;
        }
        boolean over = FrameAssembler.utf8Length(frame) > limit;
        assertThat(refused).isEqualTo(over);
        if (!over) {
            assertThat(whole).isEqualTo(frame);
        }
    }

    /** Every frame routed is answered exactly once: by its handler, or by one error frame. */
    @Property(tries = 2000)
    void everyRoutedFrameGetsExactlyOneAnswer(@ForAll("mutatedFrames") String text) {
        FrameRouter router = new FrameRouter();
        router.codec = codec;
        router.failures = new FrameFailures();
        router.metrics = new RealtimeMetrics();
        router.metrics.metrics = Metrics.started();
        router.add(() -> Map.of(
                "ping", (c, f) -> c.reply("pong"),
                "send",
                        (c, f) -> {
                            FrameFields.string(f, "clientMessageId");
                            c.reply("ack");
                        },
                "boom",
                        (c, f) -> {
                            throw new IllegalStateException("a bug");
                        },
                "refuse",
                        (c, f) -> {
                            throw new InvalidInputException("invalid_input", "x", "no");
                        }));
        RecordingContext context = new RecordingContext();
        router.route(context, text);
        assertThat(context.replies).hasSize(1);
    }

    @Provide
    Arbitrary<String> mutatedFrames() {
        Arbitrary<String> valid = Arbitraries.of(
                "{\"type\":\"ping\",\"id\":\"p1\"}",
                "{\"type\":\"send\",\"id\":\"s1\",\"conversation\":12,\"clientMessageId\":\"c-1\",\"body\":\"你好\"}",
                "{\"type\":\"history\",\"id\":\"h\",\"conversation\":1,\"after\":0,\"limit\":50}",
                "{\"type\":\"boom\",\"id\":\"b\"}",
                "{\"type\":\"refuse\",\"id\":\"r\",\"x\":[1,2,{\"y\":null}]}",
                "{\"id\":\"only-id\"}",
                "[\"type\",\"ping\"]",
                "{\"type\":\"unknown\",\"id\":\"u\\\"q\"}");
        Arbitrary<String> noise = Arbitraries.of(
                "{",
                "}",
                "[",
                "]",
                "\"",
                "\\",
                ":",
                ",",
                "\"id\":",
                "\"type\":",
                "null",
                "1e999",
                "-",
                "\u0000",
                "😀",
                "\uD800",
                "true",
                "\"id\":\"x\"",
                "{\"a\":");
        return Combinators.combine(
                        valid,
                        Arbitraries.integers().between(0, 6),
                        noise.list().ofMaxSize(6),
                        Arbitraries.integers().between(0, 1000).list().ofMaxSize(6))
                .as(FrameFuzzTest::mutate);
    }

    private static String mutate(String frame, int operations, List<String> insertions, List<Integer> positions) {
        StringBuilder text = new StringBuilder(frame);
        for (int i = 0; i < Math.min(operations, Math.min(insertions.size(), positions.size())); i++) {
            int at = positions.get(i) % (text.length() + 1);
            switch (i % 3) {
                case 0 -> text.insert(at, insertions.get(i));
                case 1 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                default -> text.setLength(Math.min(text.length(), at));
            }
        }
        return text.toString();
    }

    private void assertDecodesOrRefuses(String text) {
        try {
            InboundFrame frame = codec.decode(text);
            assertThat(frame.type()).isNotNull();
        } catch (MalformedFrameException refused) {
            assertThat(refused.code()).isIn(DECODE_CODES);
        }
    }

    private String refusal(String text) {
        try {
            codec.decode(text);
            return null;
        } catch (MalformedFrameException refused) {
            return refused.code();
        }
    }

    private InboundFrame decodeOrNull(String text) {
        try {
            return codec.decode(text);
        } catch (MalformedFrameException refused) {
            return null;
        }
    }

    private static List<String> split(String text, int cuts) {
        List<String> parts = new ArrayList<>();
        int step = Math.max(1, text.length() / cuts);
        for (int i = 0; i < text.length(); i += step) {
            parts.add(text.substring(i, Math.min(text.length(), i + step)));
        }
        if (parts.isEmpty()) {
            parts.add("");
        }
        return parts;
    }

    /** Records what the router sends back. */
    private static final class RecordingContext implements FrameContext {
        final List<Object> replies = new ArrayList<>();

        @Override
        public Caller caller() {
            return new Caller(1, "fuzz", Role.USER, 1, Instant.MAX);
        }

        @Override
        public String connectionId() {
            return "fuzz";
        }

        @Override
        public void reply(Object frame) {
            replies.add(frame);
        }

        @Override
        public DeferredAnswer defer(InboundFrame frame) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean onceEvery(String what, Duration interval) {
            return true;
        }
    }
}
