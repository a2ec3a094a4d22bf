package de.stadtdialog.commenting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import de.stadtdialog.tasklist.FormComponent;
import de.stadtdialog.tasklist.FormSchema;

/** Every commenting form parses with the tasklist's form support and carries the fields the listeners read. */
class CommentingFormsTests {

    @Test
    void formsParse_andHaveTheKeysTheListenersUse() throws IOException {
        assertThat(keys("commenting-set-up-draft")).contains("draftTitle", "introduction", "plainSummary",
            "draftMarkdown", "opensAt", "commentingPeriod");
        assertThat(keys("commenting-approve-draft")).contains("draftDecision", "approvalNote");
        assertThat(keys("commenting-moderate-comment")).contains("commentText", "moderationDecision",
            "rejectionReason", "rejectionNote");
        assertThat(keys("commenting-evaluate-comments")).contains("evaluationProgress");
        assertThat(keys("commenting-revise-draft")).contains("draftMarkdown");
    }

    @Test
    void rejectionReasonsInTheForm_areExactlyTheEnum() throws IOException {
        FormComponent reason = schema("commenting-moderate-comment").field("rejectionReason").orElseThrow();
        assertThat(reason.options()).extracting(o -> o.value())
            .containsExactlyElementsOf(Stream.of(RejectionReason.values()).map(Enum::name).toList());
    }

    private static List<String> keys(String id) throws IOException {
        return schema(id).fields().stream().map(FormComponent::key).toList();
    }

    private static FormSchema schema(String id) throws IOException {
        return FormSchema.parse(Files.readString(Path.of("forms/commenting/" + id + ".form"), StandardCharsets.UTF_8));
    }
}
