document.getElementById('app')!.textContent = 'Switchboard Phone';
