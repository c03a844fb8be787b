namespace Commendations.Domain.Nominations;

/// <summary>Derived from the workflow instance after every transition; never set by hand.</summary>
public enum NominationStatus
{
    /// <summary>Being prepared by the unit; not yet submitted.</summary>
    Draft,
    /// <summary>Submitted and moving through review, disclosure, appraisal and decision.</summary>
    InReview,
    /// <summary>Returned to the unit for supplement (trả lại / yêu cầu bổ sung).</summary>
    Returned,
    Awarded,
    Rejected,
    Withdrawn,
}
