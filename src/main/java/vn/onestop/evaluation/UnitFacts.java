package vn.onestop.evaluation;

/**
 * The unit-level facts of a period for the indicators scored per unit (Circular 01/2018 Art. 14.2):
 * counted from the register, the feedback register and the catalogue, except {@code postedAtDesk}
 * (a supervisor's input).
 *
 * @param level                 PROVINCE / DISTRICT / COMMUNE: picks the Art. 13.5a threshold
 * @param proceduresReceived    distinct procedures the unit received dossiers of in the period
 * @param proceduresHandledAtDesk of those, procedures whose every dossier was handled by the receiving
 *                              unit itself (received, appraised and approved there)
 * @param feedback              feedback addressed to the unit and due in the period
 * @param feedbackOnTime        of those, answered by their legal time
 * @param feedbackProlonged     of those, overdue and still unanswered (kéo dài)
 * @param proceduresOffered     catalogue procedures the unit receives
 * @param proceduresOnline      of those, offered online (partly or fully)
 */
public record UnitFacts(String level, long proceduresReceived, long proceduresHandledAtDesk, boolean postedAtDesk,
    long feedback, long feedbackOnTime, long feedbackProlonged, long proceduresOffered, long proceduresOnline) {}
