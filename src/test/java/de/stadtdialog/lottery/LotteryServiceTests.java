package de.stadtdialog.lottery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.stadtdialog.StadtdialogSpringTest;

/** The facade other modules inject: the whole way from CSV to a verified audit bundle, inside the application. */
@StadtdialogSpringTest
class LotteryServiceTests {

    @Autowired
    LotteryService lottery;

    @Test
    void fromCsvToVerifiedBundle() throws IOException {
        LotteryInput input = lottery.readCsv(resource("people.csv"), resource("quotas.csv"), 12);

        LotteryTable table = lottery.prepare(input);
        DrawRecord draw = lottery.draw(table, "3 1 4 1 5 9 2 6");
        byte[] bundle = lottery.auditBundle(table, draw);

        assertThat(table.truncated()).isFalse();
        assertThat(draw.commitment()).isEqualTo(table.commitmentHash());
        assertThat(draw.members()).hasSize(12);
        assertThat(lottery.verify(bundle).ok()).isTrue();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LotteryServiceTests.class.getResourceAsStream("/lottery/" + name)) {
            return in.readAllBytes();
        }
    }
}
