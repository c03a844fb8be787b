using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Features.Nominations;

namespace Commendations.Web.Ui;

/// <summary>The nomination form (create and edit): the fields of both kinds of nominee; the chosen kind decides which are sent.</summary>
public sealed class NominationInput
{
    public Guid? CampaignId { get; set; }
    public string? AwardFormCode { get; set; }
    public NomineeKind Kind { get; set; } = NomineeKind.Collective;
    public PersonFields Person { get; set; } = new();
    public CollectiveFields Collective { get; set; } = new();
    public string? AchievementSummary { get; set; }

    public bool IsIndividual => Kind == NomineeKind.Individual;

    public PersonInput? PersonInput() =>
        IsIndividual ? new PersonInput(Person.FullName ?? "", Person.Gender, Person.BirthYear ?? 0, Person.Position ?? "", Person.IdentityId) : null;

    public CollectiveInput? CollectiveInput() =>
        IsIndividual ? null : new CollectiveInput(Collective.Name ?? "", Collective.Headcount ?? 0, Collective.Women ?? 0, Collective.AdvancedWorkers ?? 0, Collective.IdentityId);

    /// <summary>The people and collectives the unit nominated before (create form only): choosing one links the new record to it.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever] public KnownNominees? Known { get; set; }

    public sealed class PersonFields
    {
        /// <summary>An earlier person of the unit this nominee is (past titles count under a changed name).</summary>
        public Guid? IdentityId { get; set; }

        public string? FullName { get; set; }
        public Gender Gender { get; set; } = Gender.Female;
        public int? BirthYear { get; set; }
        public string? Position { get; set; }
    }

    public sealed class CollectiveFields
    {
        public Guid? IdentityId { get; set; }

        public string? Name { get; set; }
        public int? Headcount { get; set; }
        public int? Women { get; set; }
        public int? AdvancedWorkers { get; set; }
    }
}
