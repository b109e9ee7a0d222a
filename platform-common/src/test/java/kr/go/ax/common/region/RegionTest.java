package kr.go.ax.common.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RegionTest {

    @Test
    void seventeenRegionsThreeInTheCapitalArea() {
        assertEquals(17, Region.values().length);
        assertEquals(3, Arrays.stream(Region.values()).filter(Region::capitalArea).count());
    }

    @Test
    void codesAreIso3166_2_KR() {
        assertTrue(Region.isValidCode("KR-26"));
        assertEquals("Busan", Region.fromCode("KR-26").orElseThrow().nameEn());
        assertFalse(Region.isValidCode("KR-99"));
        assertFalse(Region.isValidCode("kr-26"));
    }
}
