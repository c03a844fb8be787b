using Commendations.Common.Errors;
using Commendations.Engine;

namespace Commendations.Workflow;

/// <summary>How an engine refusal reaches the user: wrong person 403, wrong moment 409, bad action 400.</summary>
public static class RuntimeErrorMapping
{
    public static Exception ToException(RuntimeError error) => error.Code switch
    {
        RuntimeErrors.NotAssignee or RuntimeErrors.NotAMember => new ForbiddenException(error.Message),
        RuntimeErrors.InvalidAction => new InputException("action", error.Message),
        RuntimeErrors.InvalidOutput => new InputException("outputs", error.Message),
        RuntimeErrors.UnknownTask => new NotFoundException("Task", error.Message),
        _ => new ConflictException(error.Code, error.Message),
    };
}
