package kr.go.ax.common.region;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 17 metropolitan and provincial governments (광역지자체) that may take part in the programme, identified by their
 * ISO 3166-2:KR codes. Capital-area membership matters for the AI-adoption baselines (40.4% vs 17.9%).
 */
public enum Region {
    KR_11("KR-11", "Seoul", "서울특별시", true),
    KR_26("KR-26", "Busan", "부산광역시", false),
    KR_27("KR-27", "Daegu", "대구광역시", false),
    KR_28("KR-28", "Incheon", "인천광역시", true),
    KR_29("KR-29", "Gwangju", "광주광역시", false),
    KR_30("KR-30", "Daejeon", "대전광역시", false),
    KR_31("KR-31", "Ulsan", "울산광역시", false),
    KR_50("KR-50", "Sejong", "세종특별자치시", false),
    KR_41("KR-41", "Gyeonggi", "경기도", true),
    KR_42("KR-42", "Gangwon", "강원특별자치도", false),
    KR_43("KR-43", "Chungbuk", "충청북도", false),
    KR_44("KR-44", "Chungnam", "충청남도", false),
    KR_45("KR-45", "Jeonbuk", "전북특별자치도", false),
    KR_46("KR-46", "Jeonnam", "전라남도", false),
    KR_47("KR-47", "Gyeongbuk", "경상북도", false),
    KR_48("KR-48", "Gyeongnam", "경상남도", false),
    KR_49("KR-49", "Jeju", "제주특별자치도", false);

    private final String code;
    private final String nameEn;
    private final String nameKo;
    private final boolean capitalArea;

    Region(String code, String nameEn, String nameKo, boolean capitalArea) {
        this.code = code;
        this.nameEn = nameEn;
        this.nameKo = nameKo;
        this.capitalArea = capitalArea;
    }

    public String code() {
        return code;
    }

    public String nameEn() {
        return nameEn;
    }

    public String nameKo() {
        return nameKo;
    }

    public boolean capitalArea() {
        return capitalArea;
    }

    public static Optional<Region> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public static boolean isValidCode(String code) {
        return fromCode(code).isPresent();
    }
}
