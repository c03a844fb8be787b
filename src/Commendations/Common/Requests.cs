using MediatR;

namespace Commendations.Common;

/// <summary>A use case that changes state: runs in exactly one database transaction.</summary>
public interface ICommand<out TResult> : IRequest<TResult>;

/// <summary>A use case that only reads.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;
