package dev.berth.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Property: for any model, {@code parse(render(m)).equals(m)}; and rendering a parsed file is stable. */
class RoundTripPropertyTest {
    private static final int MODELS = 3000;

    @Test
    void parseOfRender_equalsModel_forThousandsOfRandomModels() {
        RandomDockerfiles gen = new RandomDockerfiles(20260428L);
        int checked = 0;
        int instructions = 0;
        for (int i = 0; i < MODELS; i++) {
            Dockerfile model;
            try {
                model = gen.next();
            } catch (DockerfileValueException refusedAtBuild) {
                gen.refused++;
                continue;
            }
            String text = model.render();
            Dockerfile back = Dockerfile.parse(text);
            assertThat(back.directives()).as("model %d rendered as:%n%s", i, text).isEqualTo(model.directives());
            for (int s = 0; s < model.statements().size(); s++) {
                assertThat(back.statements().get(s)).as("statement %d of model %d rendered as:%n%s", s, i, text)
                        .isEqualTo(model.statements().get(s));
            }
            assertThat(back).isEqualTo(model);
            assertThat(back.render()).isEqualTo(text);
            for (int s = 0; s < model.statements().size(); s++) {
                assertThat(back.line(s)).as("line of statement %d in%n%s", s, text).isEqualTo(model.line(s));
            }
            checked++;
            instructions += model.instructions().size();
        }
        assertThat(checked).as("models that were not refused").isGreaterThan(MODELS / 2);
        assertThat(instructions).isGreaterThan(MODELS * 5);
        assertThat(gen.refused).as("the generator also produces refusable values").isPositive();
    }
}
