package kr.go.ax.budget.spending;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import kr.go.ax.common.money.Krw;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One spending line as a regional IT system reports it; {@code externalId} makes re-sending it harmless. */
@Schema(description = "One spending line as a regional IT system reports it; re-sending a line with a known"
        + " externalId is harmless")
public record ExpenditureInput(
        @Schema(description = "The region's own id of the line, unique per application: 1 to 100 printable ASCII"
                + " characters", example = "BS-2026-000123")
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII")
        String externalId,
        @Schema(description = "The fiscal year whose approved budget the line spends", example = "2026")
        @NotNull @Min(2020) @Max(2100) Integer fiscalYear,
        @Schema(description = "The day the money was spent", example = "2026-03-10")
        @NotNull LocalDate spentOn,
        @Schema(description = "The funding source the money comes from")
        @NotNull Source source,
        @Schema(description = "The amount, in whole KRW", example = "150000000")
        @NotNull @Min(1) @Max(Krw.MAX_AMOUNT) Long amountKrw,
        @Schema(description = "What the money was spent on")
        @NotNull Category category,
        @Schema(description = "The proof behind the line")
        @NotNull @Valid Evidence evidence) {

    @Schema(description = "Funding source of an expenditure")
    public enum Source { CENTRAL, LOCAL_GOVERNMENT, SELF_CONTRIBUTION }

    @Schema(description = "Spending category")
    public enum Category { PERSONNEL, EQUIPMENT, SOFTWARE, CLOUD_COMPUTE, TRAINING, OUTSOURCING, OTHER }

    @Schema(description = "Kind of evidence: e-tax invoice, subsidy-card approval or other")
    public enum EvidenceType { E_TAX_INVOICE, SUBSIDY_CARD, OTHER }

    /** The proof behind the line, e.g. an e-tax invoice number or a subsidy-card approval number. */
    @Schema(description = "The proof behind the line, e.g. an e-tax invoice number or a subsidy-card approval number")
    public record Evidence(
            @Schema(description = "Kind of evidence") @NotNull EvidenceType type,
            @Schema(description = "The invoice or approval number, up to 100 characters",
                    example = "20260310-41000012-00000123")
            @NotBlank @Size(max = 100) String reference) {
    }
}
