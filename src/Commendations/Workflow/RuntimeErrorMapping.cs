using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Engine;

namespace Commendations.Workflow;

/// <summary>
/// How an engine refusal reaches the user: wrong person 403, wrong moment 409, bad action 400, with the engine's code.
/// The sentence is the engine's template translated and with every key and id named (<see cref="EngineMessages"/>):
/// a person reads the step's title and the assignee's name, never a task key, step key or user id.
/// </summary>
public static class RuntimeErrorMapping
{
    public static Exception ToException(RuntimeError error, Message text) => error.Code switch
    {
        RuntimeErrors.NotAssignee or RuntimeErrors.NotAMember => new ForbiddenException(text, error.Code),
        RuntimeErrors.InvalidAction => new InputException("action", text),
        RuntimeErrors.InvalidOutput => new InputException("outputs", text),
        RuntimeErrors.UnknownTask => new NotFoundException(Things.Task),
        _ => new ConflictException(error.Code, text),
    };
}
