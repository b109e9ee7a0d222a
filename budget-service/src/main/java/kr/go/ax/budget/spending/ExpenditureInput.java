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

/** One spending line as a regional IT system reports it; {@code externalId} makes re-sending it harmless. */
public record ExpenditureInput(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII")
        String externalId,
        @NotNull @Min(2020) @Max(2100) Integer fiscalYear,
        @NotNull LocalDate spentOn,
        @NotNull Source source,
        @NotNull @Min(1) @Max(Krw.MAX_AMOUNT) Long amountKrw,
        @NotNull Category category,
        @NotNull @Valid Evidence evidence) {

    public enum Source { CENTRAL, LOCAL_GOVERNMENT, SELF_CONTRIBUTION }

    public enum Category { PERSONNEL, EQUIPMENT, SOFTWARE, CLOUD_COMPUTE, TRAINING, OUTSOURCING, OTHER }

    public enum EvidenceType { E_TAX_INVOICE, SUBSIDY_CARD, OTHER }

    /** The proof behind the line, e.g. an e-tax invoice number or a subsidy-card approval number. */
    public record Evidence(@NotNull EvidenceType type, @NotBlank @Size(max = 100) String reference) {
    }
}
