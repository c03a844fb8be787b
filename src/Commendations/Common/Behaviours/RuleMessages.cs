using Commendations.Common.Text;
using FluentValidation;

namespace Commendations.Common.Behaviours;

/// <summary>
/// A validator's own refusals are <see cref="Message"/>s (a Vietnamese template with arguments, English in the catalog),
/// never a sentence written in a <c>WithMessage("…")</c>: the message travels with the failure (its custom state) to
/// <see cref="Errors.InputException"/> and is formatted where it is shown.
/// </summary>
public static class RuleMessages
{
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Message message) =>
        rule.WithMessage(_ => message.Format()).WithState(_ => message);

    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Func<T, Message> message) =>
        rule.WithMessage(c => message(c).Format()).WithState(c => message(c));

    /// <summary>The field's name for a rule that reads no property (<c>RuleFor(c =&gt; c)</c>, a computed value).</summary>
    public static IRuleBuilderOptions<T, TProperty> Named<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Message name) =>
        rule.WithName(_ => name.Format());
}
