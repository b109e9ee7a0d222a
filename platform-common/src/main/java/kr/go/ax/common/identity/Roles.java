package kr.go.ax.common.identity;

/** The roles the gateway puts in the {@code groups} claim of the token it forwards. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String EVALUATOR = "evaluator";
    public static final String REGION = "region";
    public static final String PORTAL = "portal";

    /** The claim that carries a region caller's ISO 3166-2:KR code. */
    public static final String REGION_CLAIM = "region";

    private Roles() {
    }
}
