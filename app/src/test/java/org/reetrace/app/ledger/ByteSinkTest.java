package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The ledger's stored forms were written with {@link DataOutputStream}; the sink must write the very same bytes. */
class ByteSinkTest {

    @Property
    void writesWhatDataOutputWrites(@ForAll String text, @ForAll long number, @ForAll int small, @ForAll short two)
            throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(expected);
        data.writeUTF(text);
        data.writeLong(number);
        data.writeInt(small);
        data.writeShort(two);
        data.writeByte(small);

        // chunks of one byte split every value; of 8 bytes, some; of 64 KiB, none
        for (int chunkSize : new int[] {1, 8, 1 << 16}) {
            ByteSink sink = new ByteSink(chunkSize);
            sink.writeUtf(text);
            sink.writeLong(number);
            sink.writeInt(small);
            sink.writeShort(two);
            sink.writeByte(small);
            sink.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            data.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertThat(sink.size()).isEqualTo(expected.size());
            assertThat(sink.toByteArray()).isEqualTo(expected.toByteArray());
            assertThat(sink.reader().readAllBytes()).isEqualTo(expected.toByteArray());
            expected.reset();
            data.writeUTF(text);
            data.writeLong(number);
            data.writeInt(small);
            data.writeShort(two);
            data.writeByte(small);
        }
    }

    @Test
    void writesNulAndCharactersOutsideTheBasicPlaneAsModifiedUtf8() throws IOException {
        String text = "a\u0000ü€\uD834\uDD1E";
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        new DataOutputStream(expected).writeUTF(text);
        ByteSink sink = new ByteSink(4);
        sink.writeUtf(text);
        assertThat(sink.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void refusesAStringLongerThanItsLengthCanSay() {
        assertThatThrownBy(() -> new ByteSink(16).writeUtf("€".repeat(30_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("90000 bytes");
    }

    @Test
    void refusesAChunkSizeThatIsNoPowerOfTwo() {
        assertThatThrownBy(() -> new ByteSink(100)).hasMessageContaining("not a power of two");
    }

    @Test
    void fillsInALengthWrittenBefore() {
        ByteSink sink = new ByteSink(2);
        sink.writeInt(0);
        sink.writeVarLong(300);
        sink.putInt(0, sink.size() - 4);
        assertThat(sink.toByteArray()).containsExactly(0, 0, 0, 2, 0xAC, 0x02);
    }
}
