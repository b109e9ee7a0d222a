package kr.go.ax.evaluation.decisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import kr.go.ax.evaluation.ranking.Ranking;
import kr.go.ax.evaluation.ranking.RankingInputs;

/**
 * Who is selected and how much they get.
 * <ol>
 * <li>Passing applications in rank order take the call's {@code slots} as SELECTED, the next {@code reserveSlots} as
 * RESERVE; every other application, passing or not, is NOT_SELECTED. A withdrawn application is WITHDRAWN.</li>
 * <li>Each selected application is awarded the central money it requested, per fiscal year.</li>
 * <li>Where a fiscal year's awards add up to more than the call's central pool for the year, the excess is cut from
 * the lowest-ranked selected application first (down to 0 for that year), then the next lowest, until the year fits.
 * Higher ranks keep their full request. Every cut is reported ({@code reduced}).</li>
 * <li>Reserve promotion (a selected application withdrawn after the decision): the best-ranked RESERVE becomes
 * SELECTED with its request, cut to what the pool still has free each year; nothing else changes.</li>
 * </ol>
 */
public final class SelectionRules {
    public static final String SELECTED = "SELECTED";
    public static final String RESERVE = "RESERVE";
    public static final String NOT_SELECTED = "NOT_SELECTED";
    public static final String WITHDRAWN = "WITHDRAWN";

    private SelectionRules() {
    }

    public record Outcome(UUID applicationId, String region, String decision, Integer rank,
            Map<Integer, Long> requestedCentralByYear, Map<Integer, Long> awardedCentralByYear, boolean reduced) {
    }

    public static List<Outcome> select(RankingInputs inputs, List<Ranking.Entry> ranking) {
        List<Outcome> outcomes = new ArrayList<>();
        List<Outcome> selected = new ArrayList<>();
        int reserves = 0;
        for (Ranking.Entry entry : ranking) {
            RankingInputs.ApplicationInput application = input(inputs, entry.result().applicationId());
            String decision;
            if (entry.result().passed() && selected.size() < inputs.slots()) {
                decision = SELECTED;
            } else if (entry.result().passed() && reserves < inputs.reserveSlots()) {
                decision = RESERVE;
                reserves++;
            } else {
                decision = NOT_SELECTED;
            }
            Outcome outcome = new Outcome(application.applicationId(), application.region(), decision, entry.rank(),
                    new TreeMap<>(application.requestedCentralByYear()),
                    SELECTED.equals(decision) ? new TreeMap<>(application.requestedCentralByYear()) : Map.of(), false);
            outcomes.add(outcome);
            if (SELECTED.equals(decision)) {
                selected.add(outcome);
            }
        }
        List<Outcome> fitted = fitToPool(selected, inputs.centralPoolPerYearKrw());
        for (int i = 0; i < outcomes.size(); i++) {
            for (Outcome f : fitted) {
                if (f.applicationId().equals(outcomes.get(i).applicationId())) {
                    outcomes.set(i, f);
                }
            }
        }
        for (RankingInputs.ApplicationInput application : inputs.applications()) {
            if (application.withdrawn()) {
                outcomes.add(new Outcome(application.applicationId(), application.region(), WITHDRAWN, null,
                        new TreeMap<>(application.requestedCentralByYear()), Map.of(), false));
            }
        }
        return outcomes;
    }

    /** Cuts the excess of each year from the lowest-ranked selected applications first. */
    static List<Outcome> fitToPool(List<Outcome> selectedInRankOrder, long poolPerYear) {
        List<Map<Integer, Long>> awards = new ArrayList<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (Outcome o : selectedInRankOrder) {
            awards.add(new TreeMap<>(o.requestedCentralByYear()));
            years.addAll(o.requestedCentralByYear().keySet());
        }
        for (int year : years) {
            long excess = awards.stream().mapToLong(a -> a.getOrDefault(year, 0L)).sum() - poolPerYear;
            for (int i = awards.size() - 1; i >= 0 && excess > 0; i--) {
                long award = awards.get(i).getOrDefault(year, 0L);
                long cut = Math.min(excess, award);
                if (cut > 0) {
                    awards.get(i).put(year, award - cut);
                    excess -= cut;
                }
            }
        }
        List<Outcome> fitted = new ArrayList<>();
        for (int i = 0; i < selectedInRankOrder.size(); i++) {
            Outcome o = selectedInRankOrder.get(i);
            fitted.add(new Outcome(o.applicationId(), o.region(), o.decision(), o.rank(), o.requestedCentralByYear(),
                    awards.get(i), !awards.get(i).equals(o.requestedCentralByYear())));
        }
        return fitted;
    }

    /**
     * The outcomes after {@code withdrawnId} renounced: it becomes WITHDRAWN; if it was SELECTED, the best RESERVE is
     * promoted with its request cut to what the pool has free.
     */
    public static List<Outcome> afterWithdrawal(List<Outcome> previous, UUID withdrawnId, long poolPerYear) {
        List<Outcome> outcomes = new ArrayList<>();
        boolean freedASlot = false;
        for (Outcome o : previous) {
            if (o.applicationId().equals(withdrawnId)) {
                freedASlot = SELECTED.equals(o.decision());
                outcomes.add(new Outcome(o.applicationId(), o.region(), WITHDRAWN, null, o.requestedCentralByYear(),
                        Map.of(), false)); // as a re-decision would list it: out of the ranking
            } else {
                outcomes.add(o);
            }
        }
        if (!freedASlot) {
            return outcomes;
        }
        Outcome best = outcomes.stream().filter(o -> RESERVE.equals(o.decision()))
                .min(java.util.Comparator.comparing(Outcome::rank)).orElse(null);
        if (best == null) {
            return outcomes;
        }
        Map<Integer, Long> award = new TreeMap<>();
        for (Map.Entry<Integer, Long> year : best.requestedCentralByYear().entrySet()) {
            long committed = outcomes.stream().filter(o -> SELECTED.equals(o.decision()))
                    .mapToLong(o -> o.awardedCentralByYear().getOrDefault(year.getKey(), 0L)).sum();
            award.put(year.getKey(), Math.max(0, Math.min(year.getValue(), poolPerYear - committed)));
        }
        outcomes.set(outcomes.indexOf(best), new Outcome(best.applicationId(), best.region(), SELECTED, best.rank(),
                best.requestedCentralByYear(), award, !award.equals(best.requestedCentralByYear())));
        return outcomes;
    }

    private static RankingInputs.ApplicationInput input(RankingInputs inputs, UUID applicationId) {
        return inputs.applications().stream().filter(a -> a.applicationId().equals(applicationId)).findFirst()
                .orElseThrow();
    }
}
