package vn.onestop.evaluation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One indicator's score for a unit or a staff member (điểm số của chỉ số).
 *
 * @param score    Art. 15.2a: Σ points of the dossiers ÷ dossiers, one decimal; or the unit's points;
 *                 {@code null} when there is no data (left out of the total, Art. 15.4b)
 * @param dossiers how many dossiers were scored ({@code null} for a unit-level indicator)
 * @param byPoints dossiers per points (2, 1, 0) — each count links to the dossiers behind it
 * @param basis    what the figure was computed from, in Vietnamese
 */
public record IndicatorScore(int no, String name, String article, BigDecimal score, Integer dossiers,
    Map<Integer, Long> byPoints, String basis, boolean verified) {}
