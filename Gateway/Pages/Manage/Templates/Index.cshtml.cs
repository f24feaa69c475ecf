using Buddy.Domain.Templates;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Templates;

namespace Buddy.Gateway.Pages.Manage.Templates;

public sealed class IndexModel(TemplateCommands templates) : ManagePageModel
{
    public IReadOnlyList<MessageTemplate> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Templates = await templates.ListAsync(Scope, cancellationToken);
}
