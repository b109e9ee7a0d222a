package kr.go.ax.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathsTest {

    @Test
    void jacksonPathBecomesJsonPathWithIndexes() {
        List<Reference> path = List.of(new Reference(null, "projects"), new Reference(null, 0),
                new Reference(null, "budget"), new Reference(null, 1), new Reference(null, "centralKrw"));
        assertEquals("projects[0].budget[1].centralKrw", JsonPaths.ofJackson(path));
    }

    @Test
    void typesAreDescribedForClients() {
        assertEquals("an integer", JsonPaths.describeType(long.class));
        assertEquals("a string", JsonPaths.describeType(String.class));
        assertEquals("an array", JsonPaths.describeType(List.class));
    }

    @Test
    void problemTypeIsAStableUrnOfTheCode() {
        assertEquals("urn:ax:problem:validation-failed", Problem.typeFor("VALIDATION_FAILED"));
    }
}
