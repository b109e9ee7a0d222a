package kr.go.ax.applications.progress;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reporting period: a month ({@code 2026-07}) or a quarter ({@code 2026-Q3}), with its first and last day. */
public record Period(String code, int year, LocalDate start, LocalDate end) {
    public static final String FORMAT = "YYYY-MM (a month) or YYYY-Qn (a quarter, n = 1 to 4)";
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Optional<Period> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher month = MONTH.matcher(code);
        if (month.matches()) {
            YearMonth ym = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
            return Optional.of(new Period(code, ym.getYear(), ym.atDay(1), ym.atEndOfMonth()));
        }
        Matcher quarter = QUARTER.matcher(code);
        if (quarter.matches()) {
            int year = Integer.parseInt(quarter.group(1));
            int firstMonth = (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1;
            return Optional.of(new Period(code, year, YearMonth.of(year, firstMonth).atDay(1),
                    YearMonth.of(year, firstMonth + 2).atEndOfMonth()));
        }
        return Optional.empty();
    }
}
